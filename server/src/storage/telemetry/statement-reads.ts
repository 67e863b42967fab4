// The statement reads live with their kind (kinds/statements/); this path is kept for its importers.
export {
  slowStatements,
  statementDetail,
  type SlowStatement,
  type SlowStatementsRequest,
  type StatementDetail,
  type StatementPoint,
  type StatementRequest,
} from './kinds/statements/statements-kind.js';
