/**
 * 检查对象名录库 (the target registry). For now the vocabulary of target kinds and credit-risk classes;
 * the registry itself follows.
 */
package org.doublerandom.inspection.target;
