package org.doublerandom.inspection.organization.persistence;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.springframework.data.repository.Repository;

interface JpaDepartments extends Departments, Repository<Department, Long> {

}
