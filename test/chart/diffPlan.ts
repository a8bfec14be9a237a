// Which inputs the differential test renders per chart version. The default run stays within a couple of
// minutes on two cores (Helm outcomes are cached under node_modules/.cache); CHART_DIFF_RANDOM=300 widens the
// random part for a long run.
import { packedChartVersions } from '../../server/src/core/chart/helm/chartData';
import { corpusInputs, randomInputs, type DiffInput } from './diffInputs';
import { sharedChartDir } from './helmRunner';

export const RANDOM_PER_VERSION = Number(process.env.CHART_DIFF_RANDOM ?? 10);

export interface PlannedInput extends DiffInput {
  /** Which part of the plan the input comes from (the agreement figures are given per part). */
  part: 'corpus' | 'random';
}

export interface PlannedVersion {
  version: string;
  inputs: PlannedInput[];
}

export function diffPlan(): { versions: PlannedVersion[]; skipped: { name: string; why: string }[] } {
  const corpus = corpusInputs();
  // Versions we ship chart data for; each must have its upstream chart in ../shared.
  const versions = packedChartVersions().map((version, i) => {
    sharedChartDir(version);
    const random = randomInputs(RANDOM_PER_VERSION, 20261130 + i);
    return {
      version,
      inputs: [
        ...corpus.inputs.map((x) => ({ ...x, part: 'corpus' as const })),
        ...random.map((x) => ({ ...x, part: 'random' as const })),
      ],
    };
  });
  return { versions, skipped: corpus.skipped };
}
