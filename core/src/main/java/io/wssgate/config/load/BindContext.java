package io.wssgate.config.load;

import io.wssgate.config.Problems;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every binder needs for one load: where problems go, how placeholders resolve, where
 * relative files live. {@code onRead} hears the path of every key a binder reads, which lets a
 * test prove that each key of the schema has a binder that reads it.
 */
record BindContext(Problems problems, Interpolator interpolator, Path baseDir, Consumer<String> onRead) {
    BindContext {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(interpolator, "interpolator");
        baseDir = baseDir.toAbsolutePath().normalize();
        Objects.requireNonNull(onRead, "onRead");
    }

    BindContext(Problems problems, Interpolator interpolator, Path baseDir) {
        this(problems, interpolator, baseDir, path -> { });
    }
}
