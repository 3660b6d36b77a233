-- 办案补贴标准 (Beihai 2023): civil 2,800 yuan and criminal 2,300 yuan a case from 2023-01-01.
-- Administrative and non-litigation rates are set by the centre on 补贴标准 (no default row).
INSERT INTO "legal_aid_subsidy_rate" ("matter_type", "effective_from", "base_yuan", "note", "created_at")
VALUES
  ('civil', '2023-01-01', 2800.00, '北海市 2023 年民事法律援助案件办案补贴标准', now()),
  ('criminal', '2023-01-01', 2300.00, '北海市 2023 年刑事法律援助案件办案补贴标准', now())
ON CONFLICT ("matter_type", "effective_from") DO NOTHING;
