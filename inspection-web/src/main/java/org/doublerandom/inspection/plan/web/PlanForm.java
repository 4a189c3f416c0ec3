package org.doublerandom.inspection.plan.web;

import org.doublerandom.inspection.plan.PlanType;

/** A new plan: its type, year and name (the code is given by the system). */
record PlanForm(PlanType type, Integer year, String name) {
}
