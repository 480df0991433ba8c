package org.milkbottle.marketplace.api;

/** A request the marketplace refuses; {@link #reason()} says which kind of refusal it is. */
public class MarketplaceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Kinds of refusal, each with the HTTP status the API answers with. */
    public enum Reason {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), REQUEST_TIMEOUT(408), CONFLICT(409),
        TOO_LARGE(413),
        INVALID_PLUGIN(422), UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public MarketplaceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MarketplaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
