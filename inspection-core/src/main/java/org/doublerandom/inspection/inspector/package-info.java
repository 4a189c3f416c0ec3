/**
 * 执法检查人员名录库 (inspector registry): each department's enforcement officers and the experts who may join
 * its teams, their certificates, the items they may inspect, their expertise and their declared conflicts
 * (回避), and the named rules that decide who the draw may assign.
 */
package org.doublerandom.inspection.inspector;
