import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { inputFromValues, schemaFields } from './schema-fields.ts';

describe('transition input fields from JSON Schema', () => {
  const schema = {
    type: 'object',
    properties: {
      decisionText: { type: 'string', title: '决定内容', maxLength: 2000 },
      reason: { type: 'string', description: '不予受理的理由', minLength: 1 },
      kind: { type: 'string', enum: ['full', 'partial'], title: '援助方式', 'x-labels': { full: '全额' } },
      amount: { type: 'number', title: '金额', minimum: 0 },
      days: { type: 'integer', title: '天数' },
      urgent: { type: 'boolean', title: '加急' },
      decidedOn: { type: 'string', format: 'date', title: '决定日期' },
      note: { anyOf: [{ type: 'string', maxLength: 50 }, { type: 'null' }], title: '备注' },
    },
    required: ['decisionText', 'decidedOn'],
  };

  it('renders every property with its kind, label and required mark', () => {
    const fields = schemaFields(schema);
    expect(fields.map((f) => [f.name, f.kind, f.label, f.required])).toEqual([
      ['decisionText', 'textarea', '决定内容', true],
      ['reason', 'text', '不予受理的理由', true],
      ['kind', 'select', '援助方式', false],
      ['amount', 'number', '金额', false],
      ['days', 'integer', '天数', false],
      ['urgent', 'boolean', '加急', false],
      ['decidedOn', 'date', '决定日期', true],
      ['note', 'text', '备注', false],
    ]);
    expect(fields[2]?.options).toEqual([
      { value: 'full', label: '全额' },
      { value: 'partial', label: 'partial' },
    ]);
  });

  it('has no fields without a schema', () => {
    expect(schemaFields(null)).toEqual([]);
    expect(schemaFields({ type: 'object' })).toEqual([]);
  });

  it('sends dates as days and leaves blanks out', () => {
    const fields = schemaFields(schema);
    expect(
      inputFromValues(fields, { decisionText: '  ', decidedOn: dayjs('2026-11-27T10:00:00'), urgent: false }),
    ).toEqual({ decidedOn: '2026-11-27', urgent: false });
    expect(inputFromValues([], {})).toBeUndefined();
  });
});
