package io.heartwise.lti;

/** The claim names of LTI 1.3 and its services that the tool reads. */
final class LtiClaims {
    static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = PREFIX + "message_type";
    static final String VERSION = PREFIX + "version";
    static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
    static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
    static final String RESOURCE_LINK = PREFIX + "resource_link";
    static final String ROLES = PREFIX + "roles";
    static final String CONTEXT = PREFIX + "context";
    static final String CUSTOM = PREFIX + "custom";
    static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    static final String LTI_VERSION = "1.3.0";

    private LtiClaims() {
    }
}
