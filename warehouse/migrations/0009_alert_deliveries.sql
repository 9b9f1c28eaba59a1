-- Which channel already received which alert (flows/alerts.py).
--
-- An alert goes to every configured Apprise URL (e-mail, Slack, webhook...). When one channel
-- accepts it and another fails, the alert stays pending in alert_outbox and is retried next
-- run; this table lets the retry skip the channels that already got it, so no channel ever
-- receives an alert twice. alert_outbox.status turns 'sent' once every configured channel
-- has a row here.
--
-- A channel is identified by the sha256 of its Apprise URL, never by the URL itself: the URL
-- holds secrets (tokens, passwords). Changing a URL (e.g. a rotated token) makes it a new
-- channel, which then receives the alerts still pending, never those already sent.
-- No foreign key to alert_outbox on purpose: this table must not depend on the order in which
-- the outbox migration is applied, and pruning old outbox rows must not be blocked by it.

CREATE TABLE alert_deliveries (
    alert_id      VARCHAR NOT NULL,             -- alert_outbox.alert_id
    channel_hash  VARCHAR NOT NULL,             -- sha256 hex digest of the Apprise URL
    channel_kind  VARCHAR,                      -- URL scheme only (json, mailto, slack, tgram...)
    sent_at       TIMESTAMPTZ NOT NULL,         -- when the channel accepted the alert
    PRIMARY KEY (alert_id, channel_hash)
);

COMMENT ON COLUMN alert_deliveries.alert_id IS 'alert_outbox.alert_id of the alert delivered';
COMMENT ON COLUMN alert_deliveries.channel_hash IS 'sha256 of the Apprise URL (never the URL: it holds secrets)';
COMMENT ON COLUMN alert_deliveries.channel_kind IS 'URL scheme only: json, mailto, slack, tgram...';
COMMENT ON COLUMN alert_deliveries.sent_at IS 'when the channel accepted the alert';
