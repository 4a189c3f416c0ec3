package org.doublerandom.inspection.item.persistence;

import org.doublerandom.inspection.item.ItemBooklet;
import org.doublerandom.inspection.item.ItemBooklets;
import org.springframework.data.repository.Repository;

interface JpaItemBooklets extends ItemBooklets, Repository<ItemBooklet, Long> {

}
