// The parity gate: a throughput comparison only means something if every server returns the same
// answer. Each sample request goes to all servers; the baseline's parsed JSON is the reference.
import { firstDifference, formatDifference } from './compare.js';
import type { Sample } from './samples.js';
import { hasContent } from './scenarios.js';
import { bodyFor, postGraphql, type ServerProcess } from './servers.js';

/** Problems found, one human-readable entry each; empty means the servers agree. */
export async function checkParity(servers: ServerProcess[], samples: Sample[]): Promise<string[]> {
  const [reference, ...others] = servers;
  if (!reference) return [];
  const problems: string[] = [];
  for (const sample of samples) {
    const label = `${sample.scenario} ${JSON.stringify(sample.variables)}`;
    const responses = await Promise.all(
      servers.map((s) => postGraphql(s.url, bodyFor(s, sample.body))),
    );
    responses.forEach((response, i) => {
      const problem = responseProblem(response, sample);
      if (problem) problems.push(`${label} from ${servers[i]?.name}: ${problem}`);
    });
    const expected = responses[0]?.json;
    others.forEach((server, i) => {
      const difference = firstDifference(expected, responses[i + 1]?.json);
      if (difference) {
        problems.push(
          `${label}: ${server.name} differs from ${reference.name} ${formatDifference(difference, reference.name, server.name)}`,
        );
      }
    });
  }
  return problems;
}

/** A response that cannot be the reference either: not 200, not JSON, errors, or nothing found. */
function responseProblem(
  response: { status: number; json: any; text: string },
  sample: Sample,
): string | undefined {
  if (response.status !== 200) return `HTTP ${response.status} ${response.text.slice(0, 200)}`;
  if (response.json === undefined) return `not JSON: ${response.text.slice(0, 200)}`;
  if (response.json.errors) return `errors: ${JSON.stringify(response.json.errors).slice(0, 300)}`;
  const data = response.json.data;
  if (!hasContent(sample.scenario, data))
    return `empty result (data: ${JSON.stringify(data)?.slice(0, 200)})`;
  return undefined;
}
