-- What a login initiation needs at its launch beyond state and nonce (io.heartwise.lti). Same rule
-- as V1: one script for H2 and PostgreSQL.
-- storage_target: the platform's postMessage storage frame (lti_storage_target) the login stored
--   state and nonce in, so the launch can check them there when its form does not name it again.
-- login_parameters: the login initiation's own parameters (form-encoded, without the storage
--   target), so that a launch whose browser kept no trace of the login (third-party cookies
--   blocked, no platform storage) can offer to begin the same login again in a new window.
ALTER TABLE lti_launch_states ADD COLUMN storage_target VARCHAR(255);
ALTER TABLE lti_launch_states ADD COLUMN login_parameters TEXT;
