// The task pane's door to the workbook. The contract lives in src/host-api.ts (shared with the
// Office and preview adapters); re-exported here so the pane's own imports stay "./host".
export * from "../host-api";
