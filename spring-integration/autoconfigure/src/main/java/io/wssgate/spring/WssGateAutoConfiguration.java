package io.wssgate.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** WSS Gate for Spring Boot applications: placeholder until the starter's issue lands. */
@AutoConfiguration
public class WssGateAutoConfiguration {
}
