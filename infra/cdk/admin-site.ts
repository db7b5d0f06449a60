import { Annotations, Duration, Fn, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { LOOKUP_FRAME_ANCESTORS } from '../lookup-page';
import { AdminDeployment } from './admin-deployment';

export interface AdminSiteProps {
  /** Folder of the built admin panel; deployed only if it exists. */
  adminDist: string;
  /** `https://…` endpoint of the HTTP API that serves `/api/*`. */
  apiEndpoint: string;
  /**
   * Sent to the API as `x-origin-verify` on every request: the functions believe the viewer
   * headers below only from a request that carries it (functions/http/auth.ts).
   */
  originVerify: string;
}

/**
 * The viewer's address for the API. API Gateway sees CloudFront's address, and the policy
 * that forwards the viewer's headers cannot also add CloudFront's own, so the address is
 * written into a header here, replacing any value a client sent.
 */
const VIEWER_ADDRESS = `
function handler(event) {
  var request = event.request;
  request.headers['x-viewer-address'] = { value: event.viewer.ip };
  var host = request.headers.host ? request.headers.host.value : '';
  request.headers['x-viewer-origin'] = { value: 'https://' + host };
  return request;
}
`;

/**
 * Client-side routes have no file behind them: a path whose last segment has no dot is a page
 * of the admin, so S3 is asked for index.html instead, or for lookup.html under `/lookup` (the
 * resident look-up, infra/lookup-page.ts). Runs on the S3 behaviours only, so `/api/*` answers
 * (404s included) reach the browser unchanged.
 */
const SPA_FALLBACK = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = /^\\/lookup(\\/|$)/.test(uri) ? '/lookup.html' : '/index.html';
  }
  return request;
}
`;

/** The admin panel in a private bucket behind CloudFront, with `/api/*` sent to the API. */
export class AdminSite extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AdminSiteProps) {
    super(scope, id);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through bucket ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        'This bucket is the destination of the access logs of the admin bucket and the ' +
        'distribution; logging it into itself would log its own log writes.',
    });

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'admin-files/',
    });

    const spaFallback = new EdgeFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for client-side routes of the admin',
    });

    const viewerAddress = new EdgeFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(VIEWER_ADDRESS),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Passes the viewer address to the API',
    });

    // The managed security headers less X-Frame-Options, which would keep ward websites and the
    // city operations centre from embedding the look-up page; frame-ancestors says who may.
    const lookupHeaders = new ResponseHeadersPolicy(this, 'LookupHeaders', {
      comment: 'Security headers of the resident look-up page, which other sites may frame',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: `frame-ancestors ${LOOKUP_FRAME_ANCESTORS}`,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.apiEndpoint));
    const files = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Nguon admin panel and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: files,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [
          { function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/lookup*': {
          origin: files,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: lookupHeaders,
          functionAssociations: [
            { function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST },
          ],
        },
        '/api/*': {
          origin: new HttpOrigin(apiDomain, {
            customHeaders: { 'x-origin-verify': props.originVerify },
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // A redirect would turn a POST into a GET, so plain HTTP is refused instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
          functionAssociations: [
            { function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason:
          'No country restriction: commune and district officers also work from abroad or ' +
          'over mobile networks routed outside Vietnam. Access is limited by sign-in and ' +
          'per-account roles, not by geography.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR2',
        reason:
          'AWS WAF costs USD 5 a month per web ACL plus USD 1 per rule, more than the rest ' +
          'of the stack at rest, and a CloudFront web ACL must be created in us-east-1 while ' +
          'this stack is region-agnostic. The API stage is throttled instead; a web ACL with ' +
          'rate-based rules is to be added before production traffic.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'Served on the cloudfront.net domain with the default CloudFront certificate, ' +
          'whose minimum TLS version cannot be raised. A custom domain with an ACM ' +
          'certificate and TLSv1.2_2021 comes with the province domain name.',
      },
    );

    if (existsSync(props.adminDist)) {
      new AdminDeployment(this, 'Deployment', {
        adminDist: props.adminDist,
        bucket: this.bucket,
        distribution: this.distribution,
      });
    } else {
      Annotations.of(this).addWarningV2(
        'nguon:admin-not-built',
        `${props.adminDist} does not exist: the admin panel is not deployed. ` +
          'Build the admin before `cdk deploy`.',
      );
    }
  }
}
