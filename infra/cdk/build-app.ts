import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NguonStack } from './stack';

export const STACK_ID = 'Nguon';
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Context as the CLI would pass it from cdk.json; the CLI itself passes it by environment. */
  context?: Record<string, unknown>;
  /** Built admin panel; defaults to admin/dist. */
  adminDist?: string;
  /** Cloud assembly folder; the CLI sets it by environment. */
  outdir?: string;
}

/** The app as `cdk synth` builds it, cdk-nag's AwsSolutions checks included. */
export const buildApp = (options: BuildOptions = {}): { app: App; stack: NguonStack } => {
  // No AWS::CDK::Metadata resource: construct usage is not reported to AWS.
  const app = new App({
    context: options.context,
    outdir: options.outdir,
    analyticsReporting: false,
  });
  const stack = new NguonStack(app, STACK_ID, {
    description: 'Nguon: household waste management for local government',
    projectRoot,
    adminDist: options.adminDist ?? join(projectRoot, 'admin', 'dist'),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
};
