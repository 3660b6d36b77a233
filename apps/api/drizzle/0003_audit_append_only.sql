-- The audit log is append-only. The sealer may fill the seal columns of a row once; a retention prune may
-- delete sealed rows that a checkpoint row already covers, and only inside a transaction that has said so
-- (`set_config('zhucheng.audit_prune', 'on', true)`). Everything else is refused, so a bug or a careless
-- statement cannot rewrite history; deliberate tampering by a database owner is what the hash chain shows.
CREATE FUNCTION audit_log_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND OLD.seal_seq IS NULL
       AND NEW.hash IS NOT NULL AND NEW.seal_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND NEW.sealed_at IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.actor_name, NEW.unit_id, NEW.ip, NEW.action,
            NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.detail, NEW.request_id, NEW.outcome)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_kind, OLD.actor_id, OLD.actor_name, OLD.unit_id, OLD.ip, OLD.action,
            OLD.entity_type, OLD.entity_id, OLD.before, OLD.after, OLD.detail, OLD.request_id, OLD.outcome)
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: row % cannot be updated', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'DELETE' THEN
    IF current_setting('zhucheng.audit_prune', true) = 'on'
       AND OLD.seal_seq IS NOT NULL
       AND OLD.seal_seq <= (
         SELECT max((c.detail ->> 'throughSealSeq')::bigint)
         FROM audit_log c
         WHERE c.action = 'audit.checkpoint'
       )
    THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: row % may only be pruned behind a retention checkpoint', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
