/** 行政区划与部门: the regions (GB/T 2260) and the departments that plan, inspect and coordinate. */
package org.doublerandom.inspection.organization;
