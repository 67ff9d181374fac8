import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontmatter } from '../src/engine/source.ts';
import { locateInYaml, parseWithPositions, type YamlPath } from '../src/engine/positions.ts';
import type { BenchSection } from './run.ts';
import { generateContentRoot } from './generate.ts';

/**
 * The one performance trick of the validator's position lookup, earning its
 * place: `locateInYaml` answers from js-yaml's event stream where it can and
 * builds the `yaml` package's document (the reference) only where the events
 * leave doubt. Measured in this process on every feature page of the
 * synthetic root, looking up the paths rules report most (stage, dates,
 * approvers, checklist), as a run where every file has findings would.
 */
const PATHS: YamlPath[] = [['stage'], ['dates', 'internal'], ['dates', 'beta'], ['approvers', 0, 'date'], ['checklist', 'hallway-tests'], ['target'], ['changelog', 'text']];

export const positionsSection: BenchSection = {
  id: 'positions',
  title: 'YAML positions for files with findings: the event-stream fast path vs the reference document alone',
  defaults: { sizes: [10000], runs: 5 },
  async run({ runs, sizes, workDir }) {
    const rows: string[][] = [];
    for (const size of sizes) {
      const root = path.join(workDir, `content-${size}`);
      generateContentRoot({ count: size, out: root });
      const folder = path.join(root, 'features');
      const yamls = readdirSync(folder).map((name) => {
        const split = splitFrontmatter(readFileSync(path.join(folder, name), 'utf8'));
        if (!split.ok) throw new Error(`${name}: no frontmatter`);
        return split.yaml;
      });
      const time = (locate: (yaml: string) => { offsetOf(p: YamlPath): unknown }) => {
        let best = Infinity;
        for (let run = 0; run <= runs; run++) {
          const started = performance.now();
          for (const yaml of yamls) {
            const positions = locate(yaml);
            for (const at of PATHS) positions.offsetOf(at);
          }
          // The first run warms the JIT up and is not counted.
          if (run > 0) best = Math.min(best, performance.now() - started);
        }
        return best;
      };
      const reference = time(parseWithPositions);
      const fast = time(locateInYaml);
      rows.push([size.toLocaleString('en-US'), 'reference: the yaml package document', (reference / 1000).toFixed(2), '1.00']);
      rows.push([size.toLocaleString('en-US'), 'locateInYaml: events, reference where unsure', (fast / 1000).toFixed(2), (fast / reference).toFixed(2)]);
    }
    return {
      columns: ['N files', 'lookup', 'best s', '× reference'],
      rows,
      notes: [`Best of ${runs} runs after one warm-up, in one process; ${PATHS.length} paths per file. Both give the same offsets (test/engine positions tests hold them to it).`],
    };
  },
};
