// Drives @kusto/language-service-next (Microsoft's Kusto.Language, the parser and binder behind Azure Monitor's query
// editor) for the Infra tests: parses each query and resolves its names against the tables given, then answers the
// diagnostics and the columns of the result, so a misspelled table, column, function or operator is found without a
// Log Analytics workspace.
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

// The package is Bridge.NET output: two CommonJS files that define globals.
const require = createRequire(import.meta.url);
require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
const { KustoCode, GlobalState, Symbols } = globalThis.Kusto.Language;

function* items(list) {
  for (let i = 0; i < (list?.Count ?? 0); i++) yield list.getItem(i);
}

function database(tables) {
  const members = new (globalThis.System.Collections.Generic.List$1(Symbols.Symbol).ctor)();
  // A table's schema in Kusto's own notation: "(timestamp:datetime, name:string, ...)".
  for (const { name, schema } of tables) members.add(new Symbols.TableSymbol.$ctor7(name, schema, null));
  return new Symbols.DatabaseSymbol.$ctor1('database', members, false);
}

const operations = {
  analyze({ tables, queries }) {
    const globals = GlobalState.Default.WithDatabase(database(tables));
    return queries.map(({ name, text }) => {
      const code = KustoCode.ParseAndAnalyze(text, globals);
      return {
        name,
        diagnostics: [...items(code.GetDiagnostics())].map((d) => ({ severity: d.Severity, message: d.Message, start: d.Start })),
        columns: [...items(code.ResultType?.Columns)].map((c) => ({ name: c.Name, type: c.Type.Name })),
      };
    });
  },
};

await serve(operations);
