package io.wssgate.config;

/**
 * Which SAML assertions may be seen only once (by assertion ID, until they expire).
 * ONE_TIME_USE: assertions carrying OneTimeUse (SAML 2.0) or DoNotCacheCondition (SAML 1.1);
 * BEARER: those plus every bearer assertion; ALL: every assertion.
 */
public enum AssertionReplay {
    ONE_TIME_USE, BEARER, ALL
}
