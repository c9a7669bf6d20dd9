/**
 * The one place that holds every Lambda default. Stacks pass a FunctionSpec from the catalog and the
 * environment they assembled from its `needs`; they never repeat runtime, bundling, logging or tracing.
 * Each function has its own role, allowed to write to its own log group and nothing else until the
 * stack grants what its `needs` call for.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../functions/catalog.js';
import { aliasArgs, BUNDLING, copyFiles } from './bundling.js';
import { acknowledge } from './nag.js';

export interface AppFunctionProps {
  spec: FunctionSpec;
  /** Absolute path of the repository root: `spec.entry` is relative to it, and so is package-lock.json. */
  repoRoot: string;
  environment?: Record<string, string>;
  /** A fixed role name, for roles another system trusts by name (Google workload identity). */
  roleName?: string;
}

export class AppFunction extends NodejsFunction {
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const { spec, repoRoot } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      // Logs are diagnostics, not records: they go with the stack (the table is what is retained).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Not AWSLambdaBasicExecutionRole: that one may create and write any log group in the account.
    const role = new iam.Role(scope, `${id}Role`, {
      description: `Runs the ${spec.name} function`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      ...(props.roleName ? { roleName: props.roleName } : {}),
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      description: spec.description,
      entry: join(repoRoot, spec.entry),
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(spec.timeoutSeconds),
      memorySize: spec.memoryMb,
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        target: BUNDLING.target,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        banner: BUNDLING.banner,
        format: OutputFormat.ESM,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.externalModules],
        esbuildArgs: { '--alias': aliasArgs() },
        ...(spec.files?.length ? { commandHooks: copyFiles(spec.files) } : {}),
      },
    });
    this.spec = spec;
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; active tracing needs them on *',
    );
  }
}
