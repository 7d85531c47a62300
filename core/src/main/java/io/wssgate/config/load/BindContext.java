package io.wssgate.config.load;

import io.wssgate.config.Problems;
import java.nio.file.Path;
import java.util.Objects;

/** What every binder needs for one load: where problems go, how placeholders resolve, where relative files live. */
record BindContext(Problems problems, Interpolator interpolator, Path baseDir) {
    BindContext {
        Objects.requireNonNull(problems, "problems");
        Objects.requireNonNull(interpolator, "interpolator");
        baseDir = baseDir.toAbsolutePath().normalize();
    }
}
