-- Platforms registered at run time (io.heartwise.auth.RegisteredPlatforms): by the admin API or by
-- LTI Dynamic Registration. Same rule as V1: one script for H2 and PostgreSQL. Every node reads
-- these rows, so a platform registered through one node launches through any other. The platforms
-- file is not copied here: its platforms win over these on an id or an issuer + client_id.
CREATE TABLE lti_platforms (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                   VARCHAR(200)  NOT NULL,
    issuer                 VARCHAR(1000) NOT NULL,
    client_id              VARCHAR(255)  NOT NULL,
    authorization_endpoint VARCHAR(2048) NOT NULL,
    token_endpoint         VARCHAR(2048),
    token_audience         VARCHAR(2048),
    jwks_url               VARCHAR(2048) NOT NULL,
    registered_by          VARCHAR(16)   NOT NULL,
    registered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lti_platforms_issuer_client UNIQUE (issuer, client_id)
);

-- The deployments of the tool a registered platform may launch from.
CREATE TABLE lti_platform_deployments (
    platform_id    VARCHAR(64)  NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
    deployment_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (platform_id, deployment_id)
);
