package io.wssgate.config.load;

import io.wssgate.spi.PasswordSource;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Creates the {@link PasswordSource} of {@code username-token}: from a properties file or a named class. */
final class PasswordSources {
    private PasswordSources() {
    }

    /** Reads {@code user=password} lines; values may use {@code ${VAR}} so the file itself need not hold secrets. */
    static Optional<PasswordSource> fromFile(Node node) {
        Optional<Path> path = node.file();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path.get(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            node.problem("file not found: " + path.get());
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            node.problem("cannot read " + path.get() + ": " + e.getMessage());
            return Optional.empty();
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean ok = true;
        for (String user : properties.stringPropertyNames()) {
            try {
                passwords.put(user, node.context().interpolator().apply(properties.getProperty(user)));
            } catch (IllegalArgumentException e) {
                node.problem(e.getMessage() + " (password of user '" + user + "' in " + path.get() + ")");
                ok = false;
            }
        }
        return ok ? Optional.of(new PropertiesPasswordSource(passwords)) : Optional.empty();
    }

    /** Instantiates an application class, for passwords that live in a database or directory. */
    static Optional<PasswordSource> fromClass(Node node) {
        Optional<String> className = node.requiredText();
        if (className.isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(className.get(), true, classLoader());
            if (!PasswordSource.class.isAssignableFrom(type)) {
                node.problem("class " + className.get() + " does not implement " + PasswordSource.class.getName());
                return Optional.empty();
            }
            return Optional.of((PasswordSource) type.getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            node.problem("class not found: " + className.get());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            node.problem("class " + className.get() + " needs a public no-argument constructor");
        } catch (InstantiationException e) {
            node.problem("class " + className.get() + " cannot be instantiated (abstract?)");
        } catch (InvocationTargetException e) {
            node.problem("constructor of " + className.get() + " failed: " + e.getCause());
        } catch (LinkageError e) {
            node.problem("class " + className.get() + " cannot be loaded: " + e);
        }
        return Optional.empty();
    }

    /** In a web application the class lives in the application's loader, not necessarily in ours. */
    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PasswordSources.class.getClassLoader();
    }
}
