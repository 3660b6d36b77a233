import { defineNumberSeries } from './number-series.ts';

// A worked example of two series, as a module would declare them next to its case type: its case numbers
// and the numbers of the decisions it issues. Used by the tests; no module ships them.

export const exampleCaseSeries = defineNumberSeries({
  code: 'example.case',
  kind: 'caseNo',
  name: '示例案件案号',
  defaultPrefix: '{organ}援',
});

export const exampleDecisionSeries = defineNumberSeries({
  code: 'example.decision',
  kind: 'documentNo',
  name: '示例决定书文号',
  defaultPrefix: '{organ}援决',
});
