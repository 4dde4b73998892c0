/*!
 * terraform-aws-modules/apigateway-v2/aws as the scanner carries it: main.tf, variables.tf and
 * outputs.tf copied verbatim from https://github.com/terraform-aws-modules/terraform-aws-apigateway-v2
 * at v6.1.0 (commit c1b61c309e1a253b75799f5e65afeadbd52b0267), under the repository's
 * Apache-2.0 licence. test/iac/known-modules.test.ts checks each text against its Git blob id at
 * that commit. Data, not code of ours: change it only by copying the files again.
 */
export const APIGATEWAY_V2_FILES: Readonly<Record<string, string>> = {
  "main.tf": `locals {
  is_http      = var.protocol_type == "HTTP"
  is_websocket = var.protocol_type == "WEBSOCKET"

  create_routes_and_integrations = var.create && var.create_routes_and_integrations
}

################################################################################
# API Gateway
################################################################################

resource "aws_apigatewayv2_api" "this" {
  count = var.create ? 1 : 0

  region = var.region

  api_key_selection_expression = local.is_websocket ? var.api_key_selection_expression : null
  body                         = local.is_http ? var.body : null

  dynamic "cors_configuration" {
    for_each = local.is_http && var.cors_configuration != null ? [var.cors_configuration] : []

    content {
      allow_credentials = cors_configuration.value.allow_credentials
      allow_headers     = cors_configuration.value.allow_headers
      allow_methods     = cors_configuration.value.allow_methods
      allow_origins     = cors_configuration.value.allow_origins
      expose_headers    = cors_configuration.value.expose_headers
      max_age           = cors_configuration.value.max_age
    }
  }

  credentials_arn = local.is_http ? var.credentials_arn : null
  description     = var.description
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html
  disable_execute_api_endpoint = local.is_http && local.create_domain_name ? true : var.disable_execute_api_endpoint
  fail_on_warnings             = local.is_http ? var.fail_on_warnings : null
  ip_address_type              = var.ip_address_type
  name                         = var.name
  protocol_type                = var.protocol_type
  route_key                    = local.is_http ? var.route_key : null
  route_selection_expression   = var.route_selection_expression
  target                       = local.is_http ? var.target : null
  version                      = var.api_version

  tags = var.tags
}

################################################################################
# Authorizer(s)
################################################################################

resource "aws_apigatewayv2_authorizer" "this" {
  for_each = { for k, v in var.authorizers : k => v if var.create }

  region = var.region

  api_id = aws_apigatewayv2_api.this[0].id

  authorizer_credentials_arn        = each.value.authorizer_credentials_arn
  authorizer_payload_format_version = each.value.authorizer_payload_format_version
  authorizer_result_ttl_in_seconds  = each.value.authorizer_result_ttl_in_seconds
  authorizer_type                   = each.value.authorizer_type
  authorizer_uri                    = each.value.authorizer_uri
  enable_simple_responses           = each.value.enable_simple_responses
  identity_sources                  = each.value.identity_sources

  dynamic "jwt_configuration" {
    for_each = each.value.jwt_configuration != null ? [each.value.jwt_configuration] : []

    content {
      audience = jwt_configuration.value.audience
      issuer   = jwt_configuration.value.issuer
    }
  }

  name = coalesce(each.value.name, each.key)
}

################################################################################
# Domain Name
################################################################################

locals {
  create_domain_name = var.create && var.create_domain_name
}

resource "aws_apigatewayv2_domain_name" "this" {
  count = local.create_domain_name ? 1 : 0

  region = var.region

  domain_name = var.domain_name

  domain_name_configuration {
    certificate_arn                        = local.create_certificate ? module.acm.acm_certificate_arn : var.domain_name_certificate_arn
    endpoint_type                          = "REGIONAL"
    ip_address_type                        = var.ip_address_type
    security_policy                        = "TLS_1_2"
    ownership_verification_certificate_arn = var.domain_name_ownership_verification_certificate_arn
  }

  dynamic "mutual_tls_authentication" {
    for_each = length(var.mutual_tls_authentication) > 0 ? [var.mutual_tls_authentication] : []

    content {
      truststore_uri     = mutual_tls_authentication.value.truststore_uri
      truststore_version = try(mutual_tls_authentication.value.truststore_version, null)
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_api_mapping" "this" {
  count = local.create_domain_name && local.create_stage ? 1 : 0

  region = var.region

  api_id          = aws_apigatewayv2_api.this[0].id
  api_mapping_key = var.api_mapping_key
  domain_name     = aws_apigatewayv2_domain_name.this[0].id
  stage           = aws_apigatewayv2_stage.this[0].id
}

################################################################################
# Domain - Route53 Record
################################################################################

locals {
  # https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
  stripped_domain_name = replace(var.domain_name, "*.", "")

  record_names = coalescelist(var.subdomains, [local.stripped_domain_name])
  record_set = { for prd in setproduct(local.record_names, var.subdomain_record_types) : "\${prd[0]}-\${prd[1]}" => {
    name = prd[0]
    type = prd[1]
  } }
}

data "aws_route53_zone" "this" {
  count = local.create_domain_name && var.create_domain_records ? 1 : 0

  name         = coalesce(var.hosted_zone_name, local.stripped_domain_name)
  private_zone = var.private_zone
}

resource "aws_route53_record" "this" {
  for_each = { for k, v in local.record_set : k => v if local.create_domain_name && var.create_domain_records }

  zone_id = data.aws_route53_zone.this[0].zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}

################################################################################
# Domain - Certificate
################################################################################

locals {
  create_certificate = local.create_domain_name && var.create_certificate && !var.private_zone

  is_wildcard = startswith(var.domain_name, "*.")
}

module "acm" {
  source  = "terraform-aws-modules/acm/aws"
  version = "6.2.0"

  region = var.region

  create_certificate = local.create_domain_name && var.create_domain_records && local.create_certificate

  domain_name               = local.stripped_domain_name
  zone_id                   = try(data.aws_route53_zone.this[0].id, "")
  subject_alternative_names = local.is_wildcard ? [var.domain_name] : [for sub in var.subdomains : "\${sub}.\${local.stripped_domain_name}"]

  validation_method = "DNS"

  tags = var.tags
}

################################################################################
# Route(s)
################################################################################

resource "aws_apigatewayv2_route" "this" {
  for_each = { for k, v in var.routes : k => v if local.create_routes_and_integrations }

  region = var.region

  api_id = aws_apigatewayv2_api.this[0].id

  api_key_required           = local.is_websocket ? each.value.api_key_required : null
  authorization_scopes       = each.value.authorization_scopes
  authorization_type         = each.value.authorization_type
  authorizer_id              = try(aws_apigatewayv2_authorizer.this[each.value.authorizer_key].id, each.value.authorizer_id)
  model_selection_expression = local.is_websocket ? each.value.model_selection_expression : null
  operation_name             = each.value.operation_name
  request_models             = local.is_websocket ? each.value.request_models : null

  dynamic "request_parameter" {
    for_each = { for k, v in each.value.request_parameter : k => v if try(v.request_parameter_key, null) != null && local.is_websocket }

    content {
      request_parameter_key = request_parameter.value.request_parameter_key
      required              = request_parameter.value.required
    }
  }

  route_key                           = each.key
  route_response_selection_expression = local.is_websocket ? each.value.route_response_selection_expression : null
  target                              = "integrations/\${aws_apigatewayv2_integration.this[each.key].id}"
}

################################################################################
# Route Response(s)
################################################################################

resource "aws_apigatewayv2_route_response" "this" {
  for_each = { for k, v in var.routes : k => v if local.create_routes_and_integrations && coalesce(v.route_response.create, false) }

  region = var.region

  api_id                     = aws_apigatewayv2_api.this[0].id
  model_selection_expression = each.value.route_response.model_selection_expression
  response_models            = each.value.route_response.response_models
  route_id                   = aws_apigatewayv2_route.this[each.key].id
  route_response_key         = each.value.route_response.route_response_key
}

################################################################################
# Integration(s)
################################################################################

resource "aws_apigatewayv2_integration" "this" {
  for_each = { for k, v in var.routes : k => v.integration if local.create_routes_and_integrations }

  region = var.region

  api_id                    = aws_apigatewayv2_api.this[0].id
  connection_id             = try(aws_apigatewayv2_vpc_link.this[each.value.vpc_link_key].id, each.value.connection_id)
  connection_type           = each.value.connection_type
  content_handling_strategy = each.value.content_handling_strategy
  credentials_arn           = each.value.credentials_arn
  description               = each.value.description
  integration_method        = each.value.method
  integration_subtype       = each.value.subtype
  integration_type          = each.value.type
  integration_uri           = each.value.uri
  passthrough_behavior      = each.value.passthrough_behavior
  payload_format_version    = each.value.payload_format_version
  request_parameters        = each.value.request_parameters
  request_templates         = each.value.request_templates

  dynamic "response_parameters" {
    for_each = coalesce(each.value.response_parameters, [])

    content {
      mappings    = response_parameters.value.mappings
      status_code = response_parameters.value.status_code
    }
  }

  template_selection_expression = each.value.template_selection_expression
  timeout_milliseconds          = each.value.timeout_milliseconds

  dynamic "tls_config" {
    for_each = each.value.tls_config != null && !local.is_websocket ? [each.value.tls_config] : []

    content {
      server_name_to_verify = try(tls_config.value.server_name_to_verify, null)
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Integration(s) Response
################################################################################

resource "aws_apigatewayv2_integration_response" "this" {
  for_each = { for k, v in var.routes : k => v.integration if local.create_routes_and_integrations && v.integration.response.integration_response_key != null }

  region = var.region

  api_id         = aws_apigatewayv2_api.this[0].id
  integration_id = aws_apigatewayv2_integration.this[each.key].id

  content_handling_strategy     = each.value.response.content_handling_strategy
  integration_response_key      = each.value.response.integration_response_key
  response_templates            = each.value.response.response_templates
  template_selection_expression = each.value.response.template_selection_expression
}

################################################################################
# Stage
################################################################################

locals {
  create_stage = var.create && var.create_stage

  default_log_format = jsonencode({
    context = {
      domainName              = "$context.domainName"
      integrationErrorMessage = "$context.integrationErrorMessage"
      protocol                = "$context.protocol"
      requestId               = "$context.requestId"
      requestTime             = "$context.requestTime"
      responseLength          = "$context.responseLength"
      routeKey                = "$context.routeKey"
      stage                   = "$context.stage"
      status                  = "$context.status"
      error = {
        message      = "$context.error.message"
        responseType = "$context.error.responseType"
      }
      identity = {
        sourceIP = "$context.identity.sourceIp"
      }
      integration = {
        error             = "$context.integration.error"
        integrationStatus = "$context.integration.integrationStatus"
      }
    }
  })
}

resource "aws_apigatewayv2_stage" "this" {
  count = local.create_stage ? 1 : 0

  region = var.region

  api_id = aws_apigatewayv2_api.this[0].id

  dynamic "access_log_settings" {
    for_each = var.stage_access_log_settings != null ? [var.stage_access_log_settings] : []

    content {
      destination_arn = access_log_settings.value.create_log_group ? aws_cloudwatch_log_group.this["this"].arn : access_log_settings.value.destination_arn
      format          = coalesce(access_log_settings.value.format, local.default_log_format)
    }
  }

  auto_deploy           = local.is_http ? true : null
  client_certificate_id = local.is_websocket ? var.stage_client_certificate_id : null

  dynamic "default_route_settings" {
    for_each = var.stage_default_route_settings != null ? [var.stage_default_route_settings] : []

    content {
      data_trace_enabled       = local.is_websocket ? default_route_settings.value.data_trace_enabled : null
      detailed_metrics_enabled = default_route_settings.value.detailed_metrics_enabled
      logging_level            = local.is_websocket ? default_route_settings.value.logging_level : null
      throttling_burst_limit   = default_route_settings.value.throttling_burst_limit
      throttling_rate_limit    = default_route_settings.value.throttling_rate_limit
    }
  }

  deployment_id = local.is_http ? null : try(aws_apigatewayv2_deployment.this[0].id, null)
  description   = var.stage_description
  name          = var.stage_name

  dynamic "route_settings" {
    for_each = { for k, v in var.routes : k => v if var.create_routes_and_integrations }

    content {
      data_trace_enabled       = local.is_websocket ? coalesce(route_settings.value.data_trace_enabled, var.stage_default_route_settings.data_trace_enabled) : null
      detailed_metrics_enabled = coalesce(route_settings.value.detailed_metrics_enabled, var.stage_default_route_settings.detailed_metrics_enabled)
      logging_level            = local.is_websocket ? coalesce(route_settings.value.logging_level, var.stage_default_route_settings.logging_level) : null
      route_key                = route_settings.key
      throttling_burst_limit   = coalesce(route_settings.value.throttling_burst_limit, var.stage_default_route_settings.throttling_burst_limit)
      throttling_rate_limit    = coalesce(route_settings.value.throttling_rate_limit, var.stage_default_route_settings.throttling_rate_limit)
    }
  }

  stage_variables = var.stage_variables

  tags = merge(var.tags, var.stage_tags)

  depends_on = [
    aws_apigatewayv2_route.this
  ]
}

################################################################################
# Deployment
################################################################################

resource "aws_apigatewayv2_deployment" "this" {
  count = local.create_stage && var.deploy_stage && !local.is_http ? 1 : 0

  region = var.region

  api_id      = aws_apigatewayv2_api.this[0].id
  description = var.description

  triggers = {
    redeployment = sha1(join(",", tolist([
      jsonencode(aws_apigatewayv2_integration.this),
      jsonencode(aws_apigatewayv2_route.this),
      jsonencode(aws_apigatewayv2_route_response.this),
      jsonencode(aws_apigatewayv2_api.this[0].body),
      jsonencode(aws_apigatewayv2_authorizer.this),
    ])))
  }

  depends_on = [
    aws_apigatewayv2_api.this,
    aws_apigatewayv2_route.this,
    aws_apigatewayv2_integration.this,
  ]

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Stage Access Logs - Log Group
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  for_each = { for k, v in { "this" = var.stage_access_log_settings } : k => v if local.create_stage && v != null && try(v.create_log_group, true) }

  region = var.region

  name              = coalesce(each.value.log_group_name, "/aws/apigateway/\${var.name}/\${replace(var.stage_name, "$", "")}")
  retention_in_days = each.value.log_group_retention_in_days
  kms_key_id        = each.value.log_group_kms_key_id
  skip_destroy      = each.value.log_group_skip_destroy
  log_group_class   = each.value.log_group_class

  tags = merge(var.tags, each.value.log_group_tags)
}

################################################################################
# VPC Link
################################################################################

resource "aws_apigatewayv2_vpc_link" "this" {
  for_each = { for k, v in var.vpc_links : k => v if var.create }

  region = var.region

  name               = coalesce(each.value.name, each.key)
  security_group_ids = each.value.security_group_ids
  subnet_ids         = each.value.subnet_ids

  tags = merge(var.tags, var.vpc_link_tags, try(each.value.tags, {}))
}
`,
  "variables.tf": `variable "create" {
  description = "Controls if resources should be created"
  type        = bool
  default     = true
}

variable "region" {
  description = "Region where the resource(s) will be managed. Defaults to the Region set in the provider configuration"
  type        = string
  default     = null
}

variable "tags" {
  description = "A mapping of tags to assign to API gateway resources"
  type        = map(string)
  default     = {}
}

################################################################################
# API Gateway
################################################################################

variable "api_key_selection_expression" {
  description = "An API key selection expression. Valid values: \`$context.authorizer.usageIdentifierKey\`, \`$request.header.x-api-key\`. Defaults to \`$request.header.x-api-key\`. Applicable for WebSocket APIs"
  type        = string
  default     = null
}

variable "cors_configuration" {
  description = "The cross-origin resource sharing (CORS) configuration. Applicable for HTTP APIs"
  type = object({
    allow_credentials = optional(bool)
    allow_headers     = optional(list(string))
    allow_methods     = optional(list(string))
    allow_origins     = optional(list(string))
    expose_headers    = optional(list(string), [])
    max_age           = optional(number)
  })
  default = null
}

variable "credentials_arn" {
  description = "Part of quick create. Specifies any credentials required for the integration. Applicable for HTTP APIs"
  type        = string
  default     = null
}

variable "description" {
  description = "The description of the API. Must be less than or equal to 1024 characters in length"
  type        = string
  default     = null
}

variable "disable_execute_api_endpoint" {
  description = "Whether clients can invoke the API by using the default execute-api endpoint. By default, clients can invoke the API with the default \`{api_id}.execute-api.{region}.amazonaws.com endpoint\`. To require that clients use a custom domain name to invoke the API, disable the default endpoint"
  type        = bool
  default     = null
}

variable "fail_on_warnings" {
  description = "Whether warnings should return an error while API Gateway is creating or updating the resource using an OpenAPI specification. Defaults to \`false\`. Applicable for HTTP APIs"
  type        = bool
  default     = null
}

variable "ip_address_type" {
  description = "The IP address types that can invoke the API. Valid values: ipv4, dualstack. Use ipv4 to allow only IPv4 addresses to invoke your API, or use dualstack to allow both IPv4 and IPv6 addresses to invoke your API. Defaults to ipv4."
  type        = string
  default     = null
}

variable "name" {
  description = "The name of the API. Must be less than or equal to 128 characters in length"
  type        = string
  default     = ""
}

variable "body" {
  description = "An OpenAPI specification that defines the set of routes and integrations to create as part of the HTTP APIs. Supported only for HTTP APIs"
  type        = string
  default     = null
}

variable "protocol_type" {
  description = "The API protocol. Valid values: \`HTTP\`, \`WEBSOCKET\`"
  type        = string
  default     = "HTTP"
}

variable "route_key" {
  description = "Part of quick create. Specifies any route key. Applicable for HTTP APIs"
  type        = string
  default     = null
}

variable "route_selection_expression" {
  description = "The route selection expression for the API. Defaults to \`$request.method $request.path\`"
  type        = string
  default     = null
}

variable "target" {
  description = "Part of quick create. Quick create produces an API with an integration, a default catch-all route, and a default stage which is configured to automatically deploy changes. For HTTP integrations, specify a fully qualified URL. For Lambda integrations, specify a function ARN. The type of the integration will be HTTP_PROXY or AWS_PROXY, respectively. Applicable for HTTP APIs"
  type        = string
  default     = null
}

variable "api_version" {
  description = "A version identifier for the API. Must be between 1 and 64 characters in length"
  type        = string
  default     = null
}

variable "api_mapping_key" {
  description = "The [API mapping key](https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html)"
  type        = string
  default     = null
}

################################################################################
# Authorizer(s)
################################################################################

variable "authorizers" {
  description = "Map of API gateway authorizers to create"
  type = map(object({
    authorizer_credentials_arn        = optional(string)
    authorizer_payload_format_version = optional(string)
    authorizer_result_ttl_in_seconds  = optional(number)
    authorizer_type                   = optional(string, "REQUEST")
    authorizer_uri                    = optional(string)
    enable_simple_responses           = optional(bool)
    identity_sources                  = optional(list(string))
    jwt_configuration = optional(object({
      audience = optional(list(string))
      issuer   = optional(string)
    }))
    name = optional(string)
  }))
  default = {}
}

################################################################################
# Domain Name
################################################################################

variable "create_domain_name" {
  description = "Whether to create API domain name resource"
  type        = bool
  default     = true
}

variable "domain_name" {
  description = "The domain name to use for API gateway"
  type        = string
  default     = ""
}

variable "hosted_zone_name" {
  description = "Optional domain name of the Hosted Zone where the domain should be created"
  type        = string
  default     = null
}

variable "private_zone" {
  description = "Indicates the hosted zone being looked up is private.  Certificate validation will fail if this is set to true."
  type        = bool
  default     = false
}

variable "domain_name_certificate_arn" {
  description = "The ARN of an AWS-managed certificate that will be used by the endpoint for the domain name. AWS Certificate Manager is the only supported source"
  type        = string
  default     = null
}

variable "domain_name_ownership_verification_certificate_arn" {
  description = "ARN of the AWS-issued certificate used to validate custom domain ownership (when certificate_arn is issued via an ACM Private CA or mutual_tls_authentication is configured with an ACM-imported certificate.)"
  type        = string
  default     = null
}

variable "mutual_tls_authentication" {
  description = "The mutual TLS authentication configuration for the domain name"
  type        = map(string)
  default     = {}
}

################################################################################
# Domain - Route53 Record
################################################################################

variable "create_domain_records" {
  description = "Whether to create Route53 records for the domain name"
  type        = bool
  default     = true
}

variable "subdomains" {
  description = "An optional list of subdomains to use for API gateway"
  type        = list(string)
  default     = []
}

variable "subdomain_record_types" {
  description = "A list of record types to create for the subdomain(s)"
  type        = list(string)
  default     = ["A", "AAAA"]
}

################################################################################
# Domain - Certificate
################################################################################

variable "create_certificate" {
  description = "Whether to create a certificate for the domain.  Since certificate validate only works on public domains, this will be ignore if \`private_zone\` is set to \`true\`"
  type        = bool
  default     = true
}

################################################################################
# Route(s) & Integration(s)
################################################################################

variable "create_routes_and_integrations" {
  description = "Whether to create routes and integrations resources"
  type        = bool
  default     = true
}

variable "routes" {
  description = "Map of API gateway routes with integrations"
  type = map(object({
    # Route
    authorizer_key             = optional(string)
    api_key_required           = optional(bool)
    authorization_scopes       = optional(list(string), [])
    authorization_type         = optional(string)
    authorizer_id              = optional(string)
    model_selection_expression = optional(string)
    operation_name             = optional(string)
    request_models             = optional(map(string), {})
    request_parameter = optional(object({
      request_parameter_key = optional(string)
      required              = optional(bool, false)
    }), {})
    route_response_selection_expression = optional(string)

    # Route settings
    data_trace_enabled       = optional(bool)
    detailed_metrics_enabled = optional(bool)
    logging_level            = optional(string)
    throttling_burst_limit   = optional(number)
    throttling_rate_limit    = optional(number)

    # Stage - Route response
    route_response = optional(object({
      create                     = optional(bool, false)
      model_selection_expression = optional(string)
      response_models            = optional(map(string))
      route_response_key         = optional(string, "$default")
    }), {})

    # Integration
    integration = object({
      connection_id             = optional(string)
      vpc_link_key              = optional(string)
      connection_type           = optional(string)
      content_handling_strategy = optional(string)
      credentials_arn           = optional(string)
      description               = optional(string)
      method                    = optional(string)
      subtype                   = optional(string)
      type                      = optional(string, "AWS_PROXY")
      uri                       = optional(string)
      passthrough_behavior      = optional(string)
      payload_format_version    = optional(string)
      request_parameters        = optional(map(string), {})
      request_templates         = optional(map(string), {})
      response_parameters = optional(list(object({
        mappings    = map(string)
        status_code = string
      })))
      template_selection_expression = optional(string)
      timeout_milliseconds          = optional(number)
      tls_config = optional(object({
        server_name_to_verify = optional(string)
      }))

      # Integration Response
      response = optional(object({
        content_handling_strategy     = optional(string)
        integration_response_key      = optional(string)
        response_templates            = optional(map(string))
        template_selection_expression = optional(string)
      }), {})
    })
  }))
  default = {}
}

################################################################################
# Stage
################################################################################

variable "create_stage" {
  description = "Whether to create default stage"
  type        = bool
  default     = true
}

variable "stage_access_log_settings" {
  description = "Settings for logging access in this stage. Use the aws_api_gateway_account resource to configure [permissions for CloudWatch Logging](https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html#set-up-access-logging-permissions)"
  type = object({
    create_log_group            = optional(bool, true)
    destination_arn             = optional(string)
    format                      = optional(string)
    log_group_name              = optional(string)
    log_group_retention_in_days = optional(number, 30)
    log_group_kms_key_id        = optional(string)
    log_group_skip_destroy      = optional(bool)
    log_group_class             = optional(string)
    log_group_tags              = optional(map(string), {})
  })
  default = {}
}

variable "stage_client_certificate_id" {
  description = "The identifier of a client certificate for the stage. Use the \`aws_api_gateway_client_certificate\` resource to configure a client certificate. Supported only for WebSocket APIs"
  type        = string
  default     = null
}

variable "stage_default_route_settings" {
  description = "The default route settings for the stage"
  type = object({
    data_trace_enabled       = optional(bool, true)
    detailed_metrics_enabled = optional(bool, true)
    logging_level            = optional(string)
    throttling_burst_limit   = optional(number, 500)
    throttling_rate_limit    = optional(number, 1000)
  })
  default = {}
}

variable "stage_description" {
  description = "The description for the stage. Must be less than or equal to 1024 characters in length"
  type        = string
  default     = null
}

variable "stage_name" {
  description = "The name of the stage. Must be between 1 and 128 characters in length"
  type        = string
  default     = "$default"
}

variable "stage_variables" {
  description = "A map that defines the stage variables for the stage"
  type        = map(string)
  default     = {}
}

variable "stage_tags" {
  description = "A mapping of tags to assign to the stage resource"
  type        = map(string)
  default     = {}
}

################################################################################
# Deployment
################################################################################

variable "deploy_stage" {
  description = "Whether to deploy the stage. \`HTTP\` APIs are auto-deployed by default"
  type        = bool
  default     = true
}

################################################################################
# VPC Link
################################################################################

variable "vpc_links" {
  description = "Map of VPC Link definitions to create"
  type = map(object({
    name               = optional(string)
    security_group_ids = optional(list(string))
    subnet_ids         = optional(list(string))
    tags               = optional(map(string), {})
  }))
  default = {}
}

variable "vpc_link_tags" {
  description = "A map of tags to add to the VPC Links created"
  type        = map(string)
  default     = {}
}
`,
  "outputs.tf": `################################################################################
# API Gateway
################################################################################

output "api_id" {
  description = "The API identifier"
  value       = try(aws_apigatewayv2_api.this[0].id, null)
}

output "api_endpoint" {
  description = "URI of the API, of the form \`https://{api-id}.execute-api.{region}.amazonaws.com\` for HTTP APIs and \`wss://{api-id}.execute-api.{region}.amazonaws.com\` for WebSocket APIs"
  value       = try(aws_apigatewayv2_api.this[0].api_endpoint, null)
}

output "api_arn" {
  description = "The ARN of the API"
  value       = try(aws_apigatewayv2_api.this[0].arn, null)
}

output "api_execution_arn" {
  description = "The ARN prefix to be used in an \`aws_lambda_permission\`'s \`source_arn\` attribute or in an \`aws_iam_policy\` to authorize access to the \`@connections\` API"
  value       = try(aws_apigatewayv2_api.this[0].execution_arn, null)
}

################################################################################
# Authorizer(s)
################################################################################

output "authorizers" {
  description = "Map of API Gateway Authorizer(s) created and their attributes"
  value       = aws_apigatewayv2_authorizer.this
}

################################################################################
# Domain Name
################################################################################

output "domain_name_id" {
  description = "The domain name identifier"
  value       = try(aws_apigatewayv2_domain_name.this[0].id, null)
}

output "domain_name_arn" {
  description = "The ARN of the domain name"
  value       = try(aws_apigatewayv2_domain_name.this[0].arn, null)
}

output "domain_name_api_mapping_selection_expression" {
  description = "The API mapping selection expression for the domain name"
  value       = try(aws_apigatewayv2_domain_name.this[0].api_mapping_selection_expression, null)
}

output "domain_name_configuration" {
  description = "The domain name configuration"
  value       = try(aws_apigatewayv2_domain_name.this[0].domain_name_configuration, null)
}

output "domain_name_target_domain_name" {
  description = "The target domain name"
  value       = try(aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].target_domain_name, null)
}

output "domain_name_hosted_zone_id" {
  description = "The Amazon Route 53 Hosted Zone ID of the endpoint"
  value       = try(aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].hosted_zone_id, null)
}

################################################################################
# Domain - Certificate
################################################################################

output "acm_certificate_arn" {
  description = "The ARN of the certificate"
  value       = module.acm.acm_certificate_arn
}

################################################################################
# Integration(s)
################################################################################

output "integrations" {
  description = "Map of the integrations created and their attributes"
  value       = aws_apigatewayv2_integration.this
}

################################################################################
# Route(s)
################################################################################

output "routes" {
  description = "Map of the routes created and their attributes"
  value       = aws_apigatewayv2_route.this
}

################################################################################
# Stage
################################################################################

output "stage_id" {
  description = "The stage identifier"
  value       = try(aws_apigatewayv2_stage.this[0].id, null)
}

output "stage_domain_name" {
  description = "Domain name of the stage (useful for CloudFront distribution)"
  value       = replace(try(aws_apigatewayv2_stage.this[0].invoke_url, ""), "/^(wss?|https?)://([^/]*).*/", "$2")
}

output "stage_arn" {
  description = "The stage ARN"
  value       = try(aws_apigatewayv2_stage.this[0].arn, null)
}

output "stage_execution_arn" {
  description = "The ARN prefix to be used in an aws_lambda_permission's source_arn attribute or in an aws_iam_policy to authorize access to the @connections API"
  value       = try(aws_apigatewayv2_stage.this[0].execution_arn, null)
}

output "stage_invoke_url" {
  description = "The URL to invoke the API pointing to the stage"
  value       = try(aws_apigatewayv2_stage.this[0].invoke_url, null)
}

################################################################################
# Stage Access Logs - Log Group
################################################################################

output "stage_access_logs_cloudwatch_log_group_name" {
  description = "Name of cloudwatch log group created"
  value       = try(aws_cloudwatch_log_group.this["this"].name, null)
}

output "stage_access_logs_cloudwatch_log_group_arn" {
  description = "Arn of cloudwatch log group created"
  value       = try(aws_cloudwatch_log_group.this["this"].arn, null)
}

################################################################################
# VPC Link
################################################################################

output "vpc_links" {
  description = "Map of VPC links created and their attributes"
  value       = aws_apigatewayv2_vpc_link.this
}
`,
};
