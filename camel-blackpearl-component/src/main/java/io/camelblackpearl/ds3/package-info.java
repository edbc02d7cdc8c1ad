/**
 * A small BlackPearl DS3 client: request signing, HTTP transport over Apache HttpClient 5, XML parsing
 * with Jackson and typed failures. It imports no Camel types, so it can be used and tested on its own.
 */
package io.camelblackpearl.ds3;
