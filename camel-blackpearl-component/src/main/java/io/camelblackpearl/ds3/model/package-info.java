/**
 * The DS3 documents this project reads (MasterObjectList, active jobs, Error) as immutable Jackson XML
 * bound records, and the enums of the DS3 contract. Unknown elements and attributes are ignored.
 */
package io.camelblackpearl.ds3.model;
