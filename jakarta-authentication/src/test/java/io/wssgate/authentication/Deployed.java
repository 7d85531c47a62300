package io.wssgate.authentication;

import java.net.URI;

/** A web application running on a real container, on a free loopback port. */
interface Deployed extends AutoCloseable {
    /** The URI of a path inside the application. */
    URI uri(String path);
}
