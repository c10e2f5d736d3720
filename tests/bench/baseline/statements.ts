// Every scenario's statement, built for one dialect, on one line each so that a `[sql] <statement>`
// log line counts one statement.
import type { ScenarioName } from '../scenarios.js';
import { articleStatement, type Dialect, listStatement, personStatement } from './sql.js';
import {
  listMentionsStatement,
  listPage2Statement,
  peopleStatement,
  personQuotesPage2Statement,
  quoteSearchStatement,
} from './sql-lists.js';

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

const builders: Record<ScenarioName, (d: Dialect) => string> = {
  list: listStatement,
  'list-page2': listPage2Statement,
  'list-mentions': listMentionsStatement,
  people: peopleStatement,
  person: personStatement,
  'person-quotes-page2': personQuotesPage2Statement,
  article: articleStatement,
  'quote-search': quoteSearchStatement,
};

export function scenarioStatements(d: Dialect): Record<ScenarioName, string> {
  return Object.fromEntries(
    Object.entries(builders).map(([scenario, build]) => [scenario, oneLine(build(d))]),
  ) as Record<ScenarioName, string>;
}
