package org.doublerandom.inspection.inspector;

/** A target (检查对象) as a conflict names it: its id, code and name, read from the target registry. */
public interface TargetReference {

	Long getId();

	String getCode();

	String getName();

}
