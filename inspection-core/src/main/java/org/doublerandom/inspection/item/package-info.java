/**
 * 抽查事项清单: each department's versioned list of inspection items with its 随机抽查工作细则 (work
 * rules) and each item's 工作指引 (work guide), the joint list (部门联合随机抽查事项清单) kept by the
 * market-regulation bureau, and the 一业一册 booklets that gather several departments' items for one industry.
 */
package org.doublerandom.inspection.item;
