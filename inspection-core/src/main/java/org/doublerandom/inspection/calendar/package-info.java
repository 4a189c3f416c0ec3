/**
 * 工作日历: which days are working days (工作日) in mainland China, from the State Council's yearly holiday
 * notice, so deadlines such as "within 10 working days" (10个工作日内) are counted as the plan means them.
 */
package org.doublerandom.inspection.calendar;
