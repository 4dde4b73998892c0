// Every test runs with fake credentials and no instance metadata, so no SDK call can leave
// the machine or hang on credential discovery; endpoints are set per test to 127.0.0.1.
process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_DEV = 'true';
delete process.env.AWS_PROFILE;
delete process.env.AWS_ENDPOINT_URL;
delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
delete process.env.AWS_ENDPOINT_URL_SNS;
delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
// aws-local-stepfunctions (the fleet simulation) calls Promise.withResolvers, which Node 22 has
// and Node 20 lacks: the standard's behaviour, for Node 20 only.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
