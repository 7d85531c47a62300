package io.wssgate.config.load;

import io.wssgate.config.Problems;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every binder needs for one load: where problems go, how placeholders resolve, where
 * relative files live. {@code onRead} hears the path of every key a binder reads, which lets a
 * test prove that each key of the schema has a binder that reads it. {@code fips}: FIPS mode is on,
 * so defaults that name algorithms take the FIPS-approved ones.
 */
record BindContext(Problems problems, Interpolator interpolator, Path baseDir, Consumer<String> onRead, boolean fips) {
    BindContext {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(interpolator, "interpolator");
        baseDir = baseDir.toAbsolutePath().normalize();
        Objects.requireNonNull(onRead, "onRead");
    }

    BindContext(Problems problems, Interpolator interpolator, Path baseDir, Consumer<String> onRead) {
        this(problems, interpolator, baseDir, onRead, false);
    }

    BindContext(Problems problems, Interpolator interpolator, Path baseDir) {
        this(problems, interpolator, baseDir, path -> { });
    }

    /** The same context for a FIPS-mode load, whose defaults are FIPS-approved algorithms. */
    BindContext withFips(boolean value) {
        return new BindContext(problems, interpolator, baseDir, onRead, value);
    }
}
