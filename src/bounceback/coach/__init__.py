"""The guided work after a rejection and around it: the bounce-back session, weekly check-ins, lessons,
goals and feedback requests. Step logic takes plain answers and returns plain blocks, free of any front end."""
