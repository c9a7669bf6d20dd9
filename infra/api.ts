/**
 * The HTTP API: its stage (throttled, access-logged without client addresses), an optional custom
 * domain, CORS for a form hosted elsewhere, the routes.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type FunctionName, HTTP_ROUTES } from '../functions/catalog.js';
import { CORS_HEADERS, CORS_METHODS } from '../shared/http/cors.js';
import { acknowledge } from './nag.js';
import { pascal } from './names.js';

/**
 * One JSON line per request: which route, the answer and how long it took. No client address or user
 * agent: an IP address is personal data, and the rate limiter keeps only keyed hashes of it.
 */
const ACCESS_LOG = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    time: AccessLogField.contextRequestTime(),
    route: AccessLogField.contextRouteKey(),
    status: AccessLogField.contextStatus(),
    responseLength: AccessLogField.contextResponseLength(),
    latencyMs: AccessLogField.contextResponseLatency(),
    integrationError: AccessLogField.contextIntegrationErrorMessage(),
  }),
);

export interface ApiProps {
  /** Origin of the page hosting the staff form, when it is not this API. */
  formOrigin?: string;
  customDomain?: { domainName: string; certificateArn: string };
}

export function httpApi(scope: Construct, props: ApiProps) {
  const ownUrl = props.customDomain ? `https://${props.customDomain.domainName}` : undefined;
  const corsOrigin = props.formOrigin ?? ownUrl;
  const api = new apigw.HttpApi(scope, 'Api', {
    description: 'Complaint form, submissions and status lookups',
    createDefaultStage: false,
    // The form posts from this origin; when it is the API's own origin no preflight ever happens.
    ...(corsOrigin
      ? {
          corsPreflight: {
            allowOrigins: [new URL(corsOrigin).origin],
            allowMethods: [...CORS_METHODS.map((m) => apigw.CorsHttpMethod[m]), apigw.CorsHttpMethod.OPTIONS],
            allowHeaders: [...CORS_HEADERS],
            allowCredentials: true,
            maxAge: Duration.hours(1),
          },
        }
      : {}),
  });
  acknowledge(
    api,
    'AwsSolutions-APIG4',
    'the pages and the status lookup are public by design; complaints are accepted only with the staff access code (checked in the function), status lookups need the case number and the phone, and both are rate-limited per address; the sheet hook and the case-file requests must carry the sheet script’s HMAC signature (checked in the function)',
  );
  const domainName = props.customDomain
    ? new apigw.DomainName(scope, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(scope, 'Certificate', props.customDomain.certificateArn),
      })
    : undefined;
  const stage = new apigw.HttpStage(scope, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    throttle: { burstLimit: 20, rateLimit: 10 },
    accessLogSettings: {
      destination: new apigw.LogGroupLogDestination(
        new LogGroup(scope, 'ApiAccessLogs', {
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      ),
      format: ACCESS_LOG,
    },
    ...(domainName ? { domainMapping: { domainName } } : {}),
  });
  return {
    api,
    stage,
    domainName,
    /** Where the pages are served: the custom domain, else the stage's own URL. */
    publicUrl: ownUrl ?? stage.url,
    /** The staff form's origin (CORS, cookie flag): as given, else where the pages are served. */
    formOrigin: corsOrigin ?? stage.url,
  };
}

/** One route per HTTP_ROUTES entry; a function serving several routes has one integration. */
export function addRoutes(api: apigw.HttpApi, fn: (name: FunctionName) => IFunction): void {
  const integrations = new Map<FunctionName, HttpLambdaIntegration>();
  for (const route of HTTP_ROUTES) {
    let integration = integrations.get(route.function);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${pascal(route.function)}Integration`, fn(route.function), {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      });
      integrations.set(route.function, integration);
    }
    api.addRoutes({ path: route.path, methods: [apigw.HttpMethod[route.method]], integration });
  }
}
