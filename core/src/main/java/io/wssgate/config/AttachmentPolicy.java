package io.wssgate.config;

/**
 * Whether, and within which bounds, a request may arrive as a MIME package
 * ({@code multipart/related}: SOAP with Attachments or MTOM/XOP). Off by default: a MIME
 * package is then refused like any other body that is not a SOAP envelope. When on, every
 * attachment must by default be covered by a trusted signature ({@code requireSigned});
 * turning that off is an explicit loosening. {@code requireEncrypted} (off by default) refuses
 * any attachment that did not arrive encrypted (SwA EncryptedData, or MTOM ciphertext). The root part is bounded by
 * {@link MessageLimits#maxMessageBytes()} as a plain message is. {@code memoryBudget}: how many
 * bytes of received packages the policy holds in memory at once (shared by the requests in
 * flight); a package that does not fit is spooled to a temporary file; 0 spools every package.
 */
public record AttachmentPolicy(boolean enabled, int maxParts, long maxPartBytes, long maxTotalBytes,
                               boolean requireSigned, boolean requireEncrypted, long memoryBudget) {
    public static final int DEFAULT_MAX_PARTS = 10;
    public static final long DEFAULT_MAX_PART_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    public static final long DEFAULT_MEMORY_BUDGET = 16L * 1024 * 1024;

    public AttachmentPolicy {
        if (maxParts < 1 || maxPartBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("attachment limits must be positive");
        }
        if (memoryBudget < 0) {
            throw new IllegalArgumentException("attachments.memory-budget cannot be negative");
        }
    }

    /** With the default memory budget. */
    public AttachmentPolicy(boolean enabled, int maxParts, long maxPartBytes, long maxTotalBytes,
                            boolean requireSigned, boolean requireEncrypted) {
        this(enabled, maxParts, maxPartBytes, maxTotalBytes, requireSigned, requireEncrypted, DEFAULT_MEMORY_BUDGET);
    }

    /** Without a requirement that attachments arrive encrypted. */
    public AttachmentPolicy(boolean enabled, int maxParts, long maxPartBytes, long maxTotalBytes,
                            boolean requireSigned) {
        this(enabled, maxParts, maxPartBytes, maxTotalBytes, requireSigned, false);
    }

    /** The default: no MIME packages at all. */
    public static AttachmentPolicy disabled() {
        return new AttachmentPolicy(false, DEFAULT_MAX_PARTS, DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_TOTAL_BYTES, true);
    }

    /** MIME packages within the default bounds, every attachment signed. */
    public static AttachmentPolicy allowed() {
        return new AttachmentPolicy(true, DEFAULT_MAX_PARTS, DEFAULT_MAX_PART_BYTES, DEFAULT_MAX_TOTAL_BYTES, true);
    }
}
