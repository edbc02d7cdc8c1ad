/**
 * What every layer of the product shares and nothing else: the one duration syntax of all settings. Depends
 * on the JDK and Camel's utilities only.
 */
package io.camelblackpearl.support;
