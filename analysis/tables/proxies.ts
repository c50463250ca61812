/**
 * Tables of a module proxies are not asked (`"proxies": "excluded"` in the plan): the proxy
 * interviews (tables.json `proxy`: a variable and its codes) leave the universe, which states it as
 * one more condition, and the table's note gives their weighted share of the universe (the unit's
 * final weights), so the reader knows the estimates describe those who answered themselves and that
 * the weights were not adjusted for the proxies.
 */
import type { DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import { universeMask } from './derive.ts';
import type { Condition, ProxyRule, TablePlan, Text } from './plan.ts';
import type { RefusalFacts } from './refusals.ts';
import { each } from './table-words.ts';

export interface ProxyExclusion {
  universe: Condition[];
  /** Weighted share of proxy interviews in the universe before they leave it. */
  share: number;
  note: Text;
}

/** What is wrong with the plan's proxy rule: the English message and the refusal's reason. */
export interface ProxyProblem {
  message: string;
  facts: RefusalFacts;
}

/** The universe without the proxies and the note, or what is wrong with the plan's proxy rule. */
export function excludeProxies(
  p: TablePlan,
  frame: DataFrame,
  weight: string,
  proxy: ProxyRule | null,
): ProxyExclusion | ProxyProblem {
  if (!proxy)
    return {
      message:
        "'proxies': 'excluded' needs tables.json's 'proxy' (the variable and codes of proxy interviews).",
      facts: { reason: 'proxy_rule_missing' },
    };
  if (frame[proxy.variable] === undefined)
    return {
      message: `the proxy variable '${proxy.variable}' (tables.json 'proxy') is not in the ${p.unit === 'household' ? 'household' : 'person'} file.`,
      facts: { reason: 'proxy_variable_missing', variable: proxy.variable },
    };
  const before = universeMask(frame, p.universe);
  const isProxy = universeMask(frame, [{ variable: proxy.variable, op: 'in', values: proxy.values }]);
  const w = frame[weight];
  let all = 0;
  let proxies = 0;
  for (let i = 0; i < before.length; i++) {
    const wi = Number(w[i]);
    if (!before[i] || isMissing(w[i] as never) || !(wi > 0)) continue;
    all += wi;
    if (isProxy[i]) proxies += wi;
  }
  const share = all > 0 ? proxies / all : 0;
  const pct = (share * 100).toFixed(1);
  return {
    universe: [...p.universe, { variable: proxy.variable, op: 'notin', values: proxy.values }],
    share,
    note: each((w) => w.proxyNote(pct, w.proxyUnit[p.unit])),
  };
}
