package org.doublerandom.inspection.demo;

import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo draws: the joint task of DemoPlans drawn to the end (committed an hour ago, with a synthetic drand
 * value that the pages mark as a demo value), and the health commission's task committed now, waiting for
 * its drand round.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(50)
class DemoDraws implements ApplicationRunner {

	private final DrawCeremonyService ceremony;

	private final TaskService tasks;

	DemoDraws(DrawCeremonyService ceremony, TaskService tasks) {
		this.ceremony = ceremony;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Task task : this.tasks.publicTasks(0, 100)) {
			if (!task.getName().endsWith("（演示）")) {
				continue;
			}
			boolean joint = this.tasks.entryOf(task).getPlan().getType() == PlanType.JOINT;
			this.ceremony.provisionDemo(task.getId(), joint);
		}
	}

}
