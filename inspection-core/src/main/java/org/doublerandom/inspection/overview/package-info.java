/** 工作台: read-only figures across features for the staff home page. */
package org.doublerandom.inspection.overview;
