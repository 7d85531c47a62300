package io.wssgate.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --at}: an instant as ISO-8601 ({@code 2026-03-01T10:15:30Z}, with an offset, or local time), or {@code now}. */
final class Instants implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String text) {
        if (text.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException again) {
                throw new TypeConversionException("'" + text + "' is not a time such as 2026-03-01T10:15:30Z");
            }
        }
    }
}
