/** The one table, from the SDK-shaped definition the local runtime and the tests use too. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { INDEXES, KEYS, tableDefinition } from '../shared/adapters/dynamodb/table.js';

const ATTRIBUTE_TYPES: Record<string, dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
  B: dynamodb.AttributeType.BINARY,
};

/** Translates the SDK-shaped `tableDefinition()` (the one source of the table's shape) into CDK props. */
function tableShape() {
  const def = tableDefinition('shape-only');
  const types = new Map((def.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const attribute = (name: string | undefined): dynamodb.Attribute => {
    const type = ATTRIBUTE_TYPES[types.get(name) ?? ''];
    if (!name || !type) throw new Error(`tableDefinition: attribute ${name} has no usable type`);
    return { name, type };
  };
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => {
    const sortKey = schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
    return {
      partitionKey: attribute(schema?.find((k) => k.KeyType === 'HASH')?.AttributeName),
      ...(sortKey ? { sortKey: attribute(sortKey) } : {}),
    };
  };
  return {
    keys: keys(def.KeySchema),
    indexes: (def.GlobalSecondaryIndexes ?? []).map((gsi): dynamodb.GlobalSecondaryIndexProps => {
      if (!gsi.IndexName) throw new Error('tableDefinition: an index has no name');
      const projection = gsi.Projection?.ProjectionType ?? 'ALL';
      return {
        indexName: gsi.IndexName,
        ...keys(gsi.KeySchema),
        projectionType: dynamodb.ProjectionType[projection],
        ...(gsi.Projection?.NonKeyAttributes ? { nonKeyAttributes: gsi.Projection.NonKeyAttributes } : {}),
      };
    }),
  };
}

/** The cases table: the records, so it is retained, protected, encrypted and recoverable to any second. */
export function casesTable(scope: Construct): dynamodb.Table {
  const shape = tableShape();
  const table = new dynamodb.Table(scope, 'Cases', {
    ...shape.keys,
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: KEYS.ttl,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of shape.indexes) table.addGlobalSecondaryIndex(index);
  return table;
}

/**
 * What the functions do with the table, and nothing more: item reads and writes (transactions are made
 * of these), and queries of the table and of each named index. No Scan, no stream reads, no table changes.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export const tableAccess = (table: dynamodb.ITable): iam.PolicyStatement =>
  new iam.PolicyStatement({
    actions: [...TABLE_ACTIONS],
    resources: [
      table.tableArn,
      ...Object.values(INDEXES).map((index) => `${table.tableArn}/index/${index.name}`),
    ],
  });
