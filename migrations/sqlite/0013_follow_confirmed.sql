-- Following a report by e-mail is confirmed from the address itself (a link sent to it):
-- until then the follower gets nothing. People who followed before were not asked.
ALTER TABLE report_contacts ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
