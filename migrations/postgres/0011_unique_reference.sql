-- One feature per report reference: citizens, agents and e-mails name a report by it,
-- so two features sharing one would show a citizen someone else's report and send its
-- followers the other's news. The model checks it first; the database makes it so.
CREATE UNIQUE INDEX features_reference ON features ((attributes ->> 'reference'))
    WHERE attributes ? 'reference';
