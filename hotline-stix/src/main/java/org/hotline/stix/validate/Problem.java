package org.hotline.stix.validate;

/**
 * One way a STIX object breaks the specification: which object, where in it, and what rule.
 *
 * @param objectId the object's {@code id}, or "(no id)" when it has none
 * @param pointer  JSON pointer (RFC 6901) into the object, or into the bundle/envelope when one was
 *                 validated ({@code /objects/3/modified}); "" is the object itself
 * @param message  the rule broken and the offending value
 */
public record Problem(String objectId, String pointer, String message) {
    @Override
    public String toString() {
        return objectId + " " + (pointer.isEmpty() ? "(object)" : pointer) + ": " + message;
    }
}
