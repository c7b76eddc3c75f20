package io.heartwise.page;

import io.heartwise.http.Operation;
import java.util.List;

/**
 * The JSON API for people: every operation of the route table (the one Jersey routes by and the
 * OpenAPI document is generated from), with who may call it, beside the link to the document.
 */
public record ApiReferencePage(PageFrame frame, List<Operation> operations) {

    /** @return the operation's path as a client writes it, under the API's root */
    public String path(Operation operation) {
        return frame.api() + operation.template().getTemplate();
    }

    /** @return who may call it, in words */
    public String access(Operation operation) {
        return frame.m("api.access." + operation.access().name().toLowerCase(java.util.Locale.ROOT));
    }
}
