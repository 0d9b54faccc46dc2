-- Intake numbers a case as its last step: the day's counter row (case_number_counters) stays
-- locked from its upsert until commit, so taking it first serialised every concurrent intake for
-- the whole transaction (docs/benchmarks.md). Until it is numbered, a case carries a provisional
-- number starting with '~'; this deferred check refuses to commit one, so no reader ever sees it.
-- It reads the row as it is at commit (NEW is the version the trigger was queued with).
CREATE FUNCTION cases_number_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM cases WHERE id = NEW.id AND number LIKE '~%') THEN
    RAISE EXCEPTION 'case % would be committed with a provisional number', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER cases_number_is_final AFTER INSERT OR UPDATE OF number ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cases_number_is_final();
